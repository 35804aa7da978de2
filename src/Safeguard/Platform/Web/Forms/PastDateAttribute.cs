using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// A day typed as day/month/year (<see cref="FormDates.ReadPast"/>), today or before by the application's clock: the
/// messages name the field as <paramref name="what"/> ("the day of the assessment"). A blank field passes:
/// <see cref="RequiredAttribute"/> says when one must be filled in.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PastDateAttribute(string what) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (FormText.Read(value as string) is not { } text)
        {
            return ValidationResult.Success;
        }
        // The clock the services use, so that "today" is the application's (a test's movable clock included).
        var today = DateOnly.FromDateTime(validationContext.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return FormDates.ReadPast(text, what, today, out var error) is null ? new ValidationResult(error) : ValidationResult.Success;
    }
}
