# "--" ends the options: what follows is the script
kite -- -c
