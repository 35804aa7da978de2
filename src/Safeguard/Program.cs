using Safeguard.Host;

return await SafeguardCommandLine.InvokeAsync(args);

/// <summary>The entry point; public so that tests can host the application.</summary>
public partial class Program;
