// Most tests here wait on a database, a child process or a background service rather than compute: eight at once
// keep two cores busy where xunit's default (one per core) leaves them idle.
[assembly: Xunit.v3.Parallelization(MaxThreads = 8)]
