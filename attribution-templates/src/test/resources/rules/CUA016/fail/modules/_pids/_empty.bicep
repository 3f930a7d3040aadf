// deploys nothing: a partner's tracking module calls it
metadata info = 'Empty on purpose'
