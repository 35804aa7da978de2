using System.Diagnostics.CodeAnalysis;
using Safeguard.Audit.Contracts;

namespace Safeguard.Audit;

/// <summary>
/// The stable code of each action, as stored, hashed and searched. Written out rather than derived from the enum's
/// names, so renaming a member can never change the hash of entries already written.
/// </summary>
internal static class AuditActionCodes
{
    private static readonly Dictionary<AuditAction, string> Codes = new()
    {
        [AuditAction.SignIn] = "sign-in",
        [AuditAction.SignInFailed] = "sign-in-failed",
        [AuditAction.SignOut] = "sign-out",
        [AuditAction.Read] = "read",
        [AuditAction.Create] = "create",
        [AuditAction.Update] = "update",
        [AuditAction.Delete] = "delete",
        [AuditAction.Export] = "export",
        [AuditAction.Import] = "import",
        [AuditAction.Publish] = "publish",
        [AuditAction.RoleChange] = "role-change",
        [AuditAction.KeyChange] = "key-change",
    };

    private static readonly Dictionary<string, AuditAction> Actions = Codes.ToDictionary(c => c.Value, c => c.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AuditAction>().Select(Code)];

    /// <summary>The code of an action, e.g. <c>sign-in-failed</c>.</summary>
    public static string Code(this AuditAction action) =>
        Codes.TryGetValue(action, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(action), action, "This action has no code.");

    /// <summary>Reads a code (any case).</summary>
    public static bool TryParse(string code, [NotNullWhen(true)] out AuditAction? action)
    {
        action = Actions.TryGetValue(code, out var found) ? found : null;
        return action is not null;
    }
}
