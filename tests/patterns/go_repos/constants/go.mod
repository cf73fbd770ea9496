module github.com/acme/x

go 1.22
