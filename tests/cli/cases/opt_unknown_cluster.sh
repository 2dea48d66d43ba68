# an unknown option inside a cluster
kite -qz
