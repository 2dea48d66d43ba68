# several expression statements on one line all print
printf '1; 2\nprint(3); 4\n' | kite -iq
