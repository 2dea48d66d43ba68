# stdin that is not a terminal runs as a script, without prompts
echo 'print(1)' | kite
