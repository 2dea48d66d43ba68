# uncaught error raised inside an imported module's function: frames from two files
import mod_raiser
print(mod_raiser.check(5))
print(mod_raiser.check(0))
