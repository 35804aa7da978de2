using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// An e-mail address alone, once trimmed: no name around it ("Name &lt;name@example.org&gt;" is refused, since the
/// address becomes an account's user name as typed), and at most 256 characters; else the attribute's
/// <see cref="ValidationAttribute.ErrorMessage"/>. A blank field passes: <see cref="RequiredAttribute"/> says when one
/// must be filled in.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string typed || FormText.Read(typed) is not { } address
        || typed.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
}
