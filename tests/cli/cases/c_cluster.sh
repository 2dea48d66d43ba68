# options can be clustered, the argument-taking one last
kite -qc 'print(3)'
