using Safeguard.Platform.Web;

namespace Safeguard.Accounts;

/// <summary>The addresses of the accounts pages that other code links or redirects to.</summary>
internal static class AccountsPaths
{
    public const string SignIn = "/staff/sign-in";
    public const string SignInCode = "/staff/sign-in/code";
    public const string Enrol = "/staff/enrol";
    public const string SignOut = "/staff/sign-out";
    public const string SignOutEverywhere = "/staff/sign-out-everywhere";
    public const string Home = StaffAddresses.Home;
    public const string Passkeys = "/staff/passkeys";
    public const string Users = StaffAddresses.Accounts;
    public const string Invite = "/admin/users/invite";
    public const string Mail = "/admin/mail";
}
