# __name__ is '__main__' for the script and the module name for imports
print('script __name__:', __name__)
import mod_mainguard
print(mod_mainguard.describe())
if __name__ == '__main__':
    print('main guard taken')
