namespace Safeguard.Host;

/// <summary>
/// The log of a command run with writers of its own, written where its output goes, as the console logger writes a
/// command's log to its standard output ("warn: Category[id]" and the message indented below), so that what a person
/// would read after running the command is all in one place.
/// </summary>
internal sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class WriterLogger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            var entry = $"{level}: {category}[{eventId.Id}]{Environment.NewLine}      {formatter(state, exception)}";
            writer.WriteLine(exception is null ? entry : $"{entry}{Environment.NewLine}{exception}");
        }
    }
}
