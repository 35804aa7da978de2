// A journey spends most of its time waiting for the browser and the server, not computing: four at once keep two
// cores busy where xunit's default (one per core) leaves them idle between pages.
[assembly: Xunit.v3.Parallelization(MaxThreads = 4)]
