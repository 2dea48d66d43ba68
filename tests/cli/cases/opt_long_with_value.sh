# long options take no =value
kite --version=3
