using System.ComponentModel.DataAnnotations;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// An answer chosen from the options a form offers (radios, a select): required, and exactly one of
/// <see cref="Options"/>, else <c>whenMissing</c> (what to choose). It is a <see cref="RequiredAttribute"/> so that it
/// is checked when nothing at all was sent, as for radios left unchosen.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class OfferedAnswerAttribute : RequiredAttribute
{
    protected OfferedAnswerAttribute(string whenMissing, IReadOnlyCollection<string> options)
    {
        ErrorMessage = whenMissing;
        Options = options;
    }

    /// <summary>The options' values, as the form sends them.</summary>
    public IReadOnlyCollection<string> Options { get; }

    public override bool IsValid(object? value) => value is string answer && Options.Contains(answer, StringComparer.Ordinal);
}

/// <summary>A yes or a no (<see cref="FormChoices.YesNo"/>), read with <see cref="FormChoices.Answer"/>.</summary>
public sealed class YesNoAttribute(string whenMissing) : OfferedAnswerAttribute(whenMissing, [Yes, No])
{
    public const string Yes = "yes";

    public const string No = "no";
}

/// <summary>One of an enum's names, exactly as the form offers it; read with <see cref="FormChoices.Read{TEnum}"/>.</summary>
public sealed class ChoiceAttribute<TEnum>(string whenMissing) : OfferedAnswerAttribute(whenMissing, Enum.GetNames<TEnum>())
    where TEnum : struct, Enum;

/// <summary>One of the values given (a level, a paragraph), for options that are no enum.</summary>
public sealed class OneOfAttribute(string whenMissing, params string[] options) : OfferedAnswerAttribute(whenMissing, options);

/// <summary>
/// Checkboxes: each value sent is one of those given (none at all is an answer too), else the attribute's
/// <see cref="ValidationAttribute.ErrorMessage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EachOfAttribute(params string[] options) : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not IEnumerable<string> answers || answers.All(a => options.Contains(a, StringComparer.Ordinal));
}
