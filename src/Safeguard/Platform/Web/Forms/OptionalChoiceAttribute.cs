using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// One of an enum's names, exactly as the form offers it, or nothing: a filter left unset, a question that may stay
/// unanswered (an internal review not answered yet). Anything else is refused with "Choose one of the options", or
/// the attribute's <see cref="ValidationAttribute.ErrorMessage"/>; read with <see cref="FormChoices.Read{TEnum}"/>.
/// Unlike <see cref="ChoiceAttribute{TEnum}"/> it is no <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionalChoiceAttribute<TEnum>() : ValidationAttribute("Choose one of the options")
    where TEnum : struct, Enum
{
    public override bool IsValid(object? value) => value is not string answer || answer.Length == 0 || FormChoices.Read<TEnum>(answer) is not null;
}
