# stdin as a script: sys.argv is [""]
echo 'import sys; print(sys.argv)' | kite
