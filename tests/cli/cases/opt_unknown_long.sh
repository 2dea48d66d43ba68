# an unknown long option
kite --foo
