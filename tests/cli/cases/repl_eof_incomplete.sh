# EOF inside brackets reports the open bracket
printf 'x = (1,\n' | kite -iq
