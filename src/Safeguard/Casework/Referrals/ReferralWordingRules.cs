using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// A rule of a shared referral field whose message is in the words of the form being checked (its
/// <see cref="ReferralFormModel.Wording"/>): "Enter your name" on the public form, "Enter the referrer’s name" on
/// staff's. The rule names its words by a <see cref="ReferralWording"/> property, so one rule on the shared field serves
/// both forms. It is a <see cref="RequiredAttribute"/> so that it is checked when nothing at all was sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal abstract class ReferralWordingRuleAttribute : RequiredAttribute
{
    private readonly PropertyInfo words;

    protected ReferralWordingRuleAttribute(string words) =>
        this.words = typeof(ReferralWording).GetProperty(words) ?? throw new ArgumentException($"A referral form has no words called {words}", nameof(words));

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        // A page's bound properties are checked with the page as their container.
        var wording = ((ReferralFormModel)validationContext.ObjectInstance).Wording;
        return Problem(value as string, (string)words.GetValue(wording)!) is { } message ? new ValidationResult(message) : ValidationResult.Success;
    }

    /// <summary>What is wrong with <paramref name="value"/>, written with the form's <paramref name="words"/>; null when nothing is.</summary>
    protected abstract string? Problem(string? value, string words);
}

/// <summary>Filled in (not blank), else the form's words for it missing.</summary>
internal sealed class RequiredInReferralWordsAttribute(string whenMissing) : ReferralWordingRuleAttribute(whenMissing)
{
    protected override string? Problem(string? value, string words) => FormText.Read(value) is null ? words : null;
}

/// <summary>One of an enum's names, exactly as the form offers it, else the form's words for what to choose.</summary>
internal sealed class ChoiceInReferralWordsAttribute<TEnum>(string whenMissing) : ReferralWordingRuleAttribute(whenMissing)
    where TEnum : struct, Enum
{
    protected override string? Problem(string? value, string words) => FormChoices.Read<TEnum>(value) is null ? words : null;
}

/// <summary>
/// Text of at most <paramref name="maxLength"/> characters once trimmed, else <see cref="FormText.TooLong"/> naming the
/// field in the form's words; a blank field passes.
/// </summary>
internal sealed class TextLengthInReferralWordsAttribute(int maxLength, string what) : ReferralWordingRuleAttribute(what)
{
    protected override string? Problem(string? value, string words) =>
        FormText.Read(value) is { } text && text.Length > maxLength ? FormText.TooLong(words, maxLength) : null;
}
