// deploys nothing: the partner's tracking module
output done bool = true
