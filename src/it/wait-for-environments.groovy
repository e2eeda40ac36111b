// Shared by the migrate ITs: their environments (io.github.rsevolve.it.ItPostgres) start in a process of their
// own; wait until they accept.
def deadline = System.currentTimeMillis() + 120_000
[54329, 54330].each { port ->
    while (true) {
        try {
            new Socket('localhost', port).close()
            break
        } catch (IOException e) {
            assert System.currentTimeMillis() < deadline : "nothing listens on port ${port}"
            Thread.sleep(250)
        }
    }
}
return true
