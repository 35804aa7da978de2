using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// A day typed as day/month/year (<see cref="FormDates.Read"/>), any day the forms accept: the messages name the field
/// as <paramref name="what"/> ("the date received"). A blank field passes: <see cref="RequiredAttribute"/> says when
/// one must be filled in. For a day that cannot be after today, <see cref="PastDateAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DateAttribute(string what) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        FormText.Read(value as string) is { } text && FormDates.Read(text, what, out var error) is null ? new ValidationResult(error) : ValidationResult.Success;
}
