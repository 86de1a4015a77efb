module github.com/errcat/errcat/bench

go 1.26.8

replace github.com/errcat/errcat => ../
