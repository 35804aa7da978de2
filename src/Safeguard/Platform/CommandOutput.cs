using System.CommandLine;

namespace Safeguard.Platform;

/// <summary>Where a command writes: its invocation's output and errors, the console unless the command was run with writers of its own.</summary>
internal static class CommandOutput
{
    public static TextWriter Output(this ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Errors(this ParseResult result) => result.InvocationConfiguration.Error;
}
