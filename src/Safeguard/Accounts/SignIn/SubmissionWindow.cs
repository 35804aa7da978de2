namespace Safeguard.Accounts.SignIn;

/// <summary>
/// How many submissions one key (a form and a client address, or an account: hashed) made in one fixed window of
/// time, for the limits the nodes on PostgreSQL share (<see cref="DatabaseSubmissionCounter"/>).
/// </summary>
internal sealed class SubmissionWindow
{
    /// <summary>The SHA-256 of the key, in hex.</summary>
    public required string Key { get; set; }

    public DateTime StartsAtUtc { get; set; }

    /// <summary>When the window is over and the row can go.</summary>
    public DateTime EndsAtUtc { get; set; }

    public int Count { get; set; }
}
