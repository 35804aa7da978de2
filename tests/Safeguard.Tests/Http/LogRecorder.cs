using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Safeguard.Tests.Http;

/// <summary>A logger provider that keeps what the application logs, for a test to read.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedMessage> messages = new();

    /// <summary>Every message so far, oldest first.</summary>
    public IReadOnlyCollection<LoggedMessage> Messages => messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.messages.Enqueue(new LoggedMessage(category, logLevel, formatter(state, exception)));
    }
}

/// <summary>One message logged: by which logger (its category), how severe, and what it says.</summary>
public sealed record LoggedMessage(string Category, LogLevel Level, string Text);
