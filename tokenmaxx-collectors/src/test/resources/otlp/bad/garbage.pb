GET / HTTP/1.1
ÿþ not protobuf