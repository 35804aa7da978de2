using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// Text of at most <paramref name="maxLength"/> characters once trimmed (as <see cref="FormText.Read"/> gives it to the
/// page), else the message <see cref="FormText.TooLong"/> writes for <paramref name="what"/>. A blank field passes:
/// <see cref="RequiredAttribute"/> says when one must be filled in.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextLengthAttribute(int maxLength, string what) : ValidationAttribute
{
    public override bool IsValid(object? value) => FormText.Read(value as string) is not { } text || text.Length <= maxLength;

    public override string FormatErrorMessage(string name) => FormText.TooLong(what, maxLength);
}
