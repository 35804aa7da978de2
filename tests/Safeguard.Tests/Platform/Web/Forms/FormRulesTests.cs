using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Tests.Platform.Web.Forms;

/// <summary>
/// The rules a form's fields carry beside them: what each lets through, and the message it gives otherwise, word for
/// word as the pages show it.
/// </summary>
public sealed class FormRulesTests
{
    public enum Stay
    {
        Released,
        Removed,
    }

    /// <summary>The outcome of checking <paramref name="value"/> by <paramref name="rule"/>: null when it passes, else the message.</summary>
    private static string? Check(ValidationAttribute rule, object? value, TimeProvider? clock = null)
    {
        var context = new ValidationContext(new object());
        context.InitializeServiceProvider(type => type == typeof(TimeProvider) ? clock ?? new MovableClock() : null);
        return rule.GetValidationResult(value, context)?.ErrorMessage;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Dr R.")]
    [InlineData("  12345  ")]
    public void TextLength_BlankOrAtMostTheLengthOnceTrimmed_Passes(string? text) =>
        Check(new TextLengthAttribute(5, "The clinician's name"), text).ShouldBeNull();

    [Fact]
    public void TextLength_LongerOnceTrimmed_SaysHowLongItMayBe() =>
        Check(new TextLengthAttribute(10_000, "The opinion"), new string('x', 10_001)).ShouldBe("The opinion must be 10,000 characters or fewer");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("10/11/2026")]
    [InlineData("2026-11-09")]
    [InlineData("1/1/1900")]
    public void PastDate_BlankTodayOrBefore_Passes(string? text) =>
        Check(new PastDateAttribute("the day it happened"), text).ShouldBeNull();

    [Theory]
    [InlineData("11/11/2026", "The day it happened must be today or in the past")]
    [InlineData("31/02/2026", "Enter the day it happened as day/month/year, for example 14/08/2026")]
    [InlineData("14/08/20226", "Enter the day it happened as day/month/year, for example 14/08/2026")]
    [InlineData("1/1/1899", "The day it happened must be in a year from 1900 to 2100")]
    public void PastDate_AfterTodayOrNotADay_SaysWhatToFix(string text, string message) =>
        Check(new PastDateAttribute("the day it happened"), text).ShouldBe(message);

    [Fact]
    public void PastDate_Today_IsTheApplicationsClocksDay()
    {
        var clock = new MovableClock();
        clock.Advance(TimeSpan.FromDays(1));

        Check(new PastDateAttribute("the day it happened"), "11/11/2026", clock).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("14/08/2099")]
    [InlineData("2026-08-14")]
    public void Date_BlankOrAnyDayTheFormsAccept_Passes(string? text) =>
        Check(new DateAttribute("the date received"), text).ShouldBeNull();

    [Theory]
    [InlineData("14/13/2026", "Enter the date received as day/month/year, for example 14/08/2026")]
    [InlineData("14/08/2101", "The date received must be in a year from 1900 to 2100")]
    public void Date_NotADay_SaysWhatToFix(string text, string message) =>
        Check(new DateAttribute("the date received"), text).ShouldBe(message);

    [Theory]
    [InlineData(null)]
    [InlineData("name@example.org")]
    [InlineData("  name@example.org ")]
    public void MailAddress_BlankOrAnAddressAlone_Passes(string? text) =>
        Check(new MailAddressAttribute { ErrorMessage = "Enter an e-mail address in the right form, like name@example.org" }, text).ShouldBeNull();

    [Theory]
    [InlineData("name")]
    [InlineData("A Name <name@example.org>")]
    [InlineData("name@example.org, other@example.org")]
    public void MailAddress_NotAnAddressAlone_GivesItsMessage(string text) =>
        Check(new MailAddressAttribute { ErrorMessage = "Enter an e-mail address in the right form, like name@example.org" }, text)
            .ShouldBe("Enter an e-mail address in the right form, like name@example.org");

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, "Enter an e-mail address in the right form, like name@example.org")]
    public void MailAddress_AtMost256Characters(int lastLabel, string? message)
    {
        // 64 + 1 + 3 × 61 + lastLabel + 4: 256 characters with a last label of 4, 257 with 5.
        var address = $"{new string('a', 64)}@{string.Concat(Enumerable.Repeat(new string('b', 60) + ".", 3))}{new string('c', lastLabel)}.org";

        Check(new MailAddressAttribute { ErrorMessage = "Enter an e-mail address in the right form, like name@example.org" }, address).ShouldBe(message);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void YesNo_AYesOrANo_Passes(string answer) =>
        Check(new YesNoAttribute("Say whether an interpreter was used"), answer).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Yes")]
    [InlineData("maybe")]
    public void YesNo_NeitherOrAnythingElse_AsksForAnAnswer(string? answer) =>
        Check(new YesNoAttribute("Say whether an interpreter was used"), answer).ShouldBe("Say whether an interpreter was used");

    [Fact]
    public void OfferedAnswers_AreRequired_SoRadiosLeftUnchosenAreChecked()
    {
        // Model binding checks a field that sent nothing only when its metadata says it is required.
        new YesNoAttribute("Say").ShouldBeAssignableTo<RequiredAttribute>();
        new ChoiceAttribute<Stay>("Choose").ShouldBeAssignableTo<RequiredAttribute>();
        new OneOfAttribute("Choose", "1").ShouldBeAssignableTo<RequiredAttribute>();
    }

    [Theory]
    [InlineData("Released")]
    [InlineData("Removed")]
    public void Choice_AnEnumsNameAsOffered_Passes(string answer) =>
        Check(new ChoiceAttribute<Stay>("Choose how the stay ended"), answer).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("released")]
    [InlineData(" Released")]
    [InlineData("Released, Removed")]
    public void Choice_NothingOrNotANameAsOffered_AsksForAChoice(string? answer) =>
        Check(new ChoiceAttribute<Stay>("Choose how the stay ended"), answer).ShouldBe("Choose how the stay ended");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Released")]
    [InlineData("Removed")]
    public void OptionalChoice_NothingOrAnEnumsNameAsOffered_Passes(string? answer) =>
        Check(new OptionalChoiceAttribute<Stay>(), answer).ShouldBeNull();

    [Theory]
    [InlineData("0")]
    [InlineData("released")]
    [InlineData(" Released")]
    [InlineData("Released, Removed")]
    public void OptionalChoice_NotANameAsOffered_AsksToChooseAnOption(string answer) =>
        Check(new OptionalChoiceAttribute<Stay>(), answer).ShouldBe("Choose one of the options");

    [Fact]
    public void OptionalChoice_IsNotRequired_SoAFilterLeftUnsetIsNoError() =>
        new OptionalChoiceAttribute<Stay>().ShouldNotBeAssignableTo<RequiredAttribute>();

    [Fact]
    public void OneOf_OnlyTheValuesGiven_Pass()
    {
        var level = new OneOfAttribute("Choose the Adults at Risk evidence level, or Not stated", "1", "2", "3", "none");

        Check(level, "3").ShouldBeNull();
        Check(level, "none").ShouldBeNull();
        Check(level, "4").ShouldBe("Choose the Adults at Risk evidence level, or Not stated");
        Check(level, null).ShouldBe("Choose the Adults at Risk evidence level, or Not stated");
    }

    [Fact]
    public void EachOf_NoneOrOnlyTheValuesGiven_PassOtherwiseItsMessage()
    {
        var findings = new EachOfAttribute("ptsd", "depression") { ErrorMessage = "Choose psychological findings from the list" };

        Check(findings, new List<string>()).ShouldBeNull();
        Check(findings, new List<string> { "depression", "ptsd" }).ShouldBeNull();
        Check(findings, new List<string> { "ptsd", "anxiety" }).ShouldBe("Choose psychological findings from the list");
    }

    [Fact]
    public void Asked_AQuestionAsked_KeepsTheAnswerAndWhatItsRulesSaid()
    {
        var errors = new ModelStateDictionary();
        errors.AddModelError("Route", "Choose how the person was released");

        errors.Asked("Route", asked: true, "Bail").ShouldBe("Bail");
        errors.ErrorFor("Route").ShouldBe("Choose how the person was released");
    }

    [Fact]
    public void Asked_AQuestionNotAsked_IsNoAnswerAndNoError()
    {
        var errors = new ModelStateDictionary();
        errors.AddModelError("Route", "Choose how the person was released");

        errors.Asked("Route", asked: false, "Bail").ShouldBeNull();
        errors.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("Yes", null)]
    [InlineData(null, null)]
    public void Answer_AYesOrANo_IsTrueOrFalse(string? answer, bool? value) => FormChoices.Answer(answer).ShouldBe(value);

    [Theory]
    [InlineData("Removed", Stay.Removed)]
    [InlineData("1", null)]
    [InlineData("removed", null)]
    [InlineData("", null)]
    public void Read_OnlyAnEnumsNameAsOffered_IsItsValue(string answer, Stay? value) => FormChoices.Read<Stay>(answer).ShouldBe(value);

    [Theory]
    [InlineData("  Dr R. Example ", "Dr R. Example")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Read_Text_IsTrimmedAndNothingWhenBlank(string? typed, string? text) => FormText.Read(typed).ShouldBe(text);
}
