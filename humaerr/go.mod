module github.com/errcat/errcat/humaerr

go 1.26.8

require github.com/errcat/errcat v0.0.0

require github.com/danielgtaylor/huma/v2 v2.37.2

replace github.com/errcat/errcat => ../
