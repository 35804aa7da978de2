using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Assessments;

/// <summary>
/// A clinical assessment: who, when, where and how; the psychological findings, the opinion on the account of torture
/// and on harm from continued detention, and the Adults at Risk evidence level. Physical findings are added next.
/// Added, or changed to correct it (the same form, filled in with what was saved).
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class AssessmentModel(CaseAccess access, CaseBook book, CaseReading reading, PlacesOfDetention places, TimeProvider time) : CasePageModel(access, time)
{
    public const string Ptsd = "ptsd";
    public const string Depression = "depression";
    public const string SuicidalThoughts = "suicidal-thoughts";

    /// <summary>The Adults at Risk level of an assessment that gives none.</summary>
    public const string NotStated = "none";

    /// <summary>The assessment being changed; none to add one.</summary>
    [FromRoute]
    public int? Assessment { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the clinician's name")]
    [TextLength(200, "The clinician's name")]
    public string? Clinician { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the day of the assessment")]
    [PastDate("the day of the assessment")]
    public string? AssessedOn { get; set; }

    /// <summary>One of <see cref="CasePageModel.Centres"/>, checked by the handler once they are loaded.</summary>
    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    [Choice<AssessmentMode>("Choose whether the assessment was in person or remote")]
    public string? Mode { get; set; }

    [BindProperty]
    [YesNo("Say whether an interpreter was used")]
    public string? Interpreter { get; set; }

    [BindProperty]
    [EachOf(Ptsd, Depression, SuicidalThoughts, ErrorMessage = "Choose psychological findings from the list")]
    public List<string> Psychological { get; set; } = [];

    [BindProperty]
    [TextLength(10_000, "Other psychological findings")]
    public string? OtherFindings { get; set; }

    [BindProperty]
    [YesNo("Say whether the findings support the account of torture")]
    public string? Torture { get; set; }

    [BindProperty]
    [YesNo("Say whether continued detention is likely to harm the person")]
    public string? Harm { get; set; }

    [BindProperty]
    [TextLength(10_000, "The opinion")]
    public string? Opinion { get; set; }

    [BindProperty]
    [OneOf("Choose the Adults at Risk evidence level, or Not stated", "1", "2", "3", NotStated)]
    public string? AdultsAtRiskLevel { get; set; }

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) =>
        Assessment is { } id && !await book.HoldsAssessmentAsync(Opened, id, cancellationToken) ? RecordOnCase.Assessment : null;

    public static IReadOnlyList<Choice> PsychologicalOptions { get; } =
        [new(Ptsd, "Post-traumatic stress disorder (PTSD)"), new(Depression, "Depression"), new(SuicidalThoughts, "Suicidal thoughts")];

    public static IReadOnlyList<Choice> LevelOptions { get; } =
        [new("1", "Level 1", "A self-declaration of being at risk"), new("2", "Level 2", "Professional or official evidence that the person is at risk"),
         new("3", "Level 3", "Professional evidence that detention is likely to cause harm"), new(NotStated, "Not stated")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(Assessment is null ? "assessment form" : $"clinical assessment {Assessment} form", cancellationToken))
        {
            return Refused();
        }
        if (Assessment is { } id)
        {
            if ((await reading.ReadAsync(Opened, cancellationToken)).Assessments.SingleOrDefault(a => a.Id == id) is not { } saved)
            {
                return await DeletedMeanwhileAsync(cancellationToken);
            }
            (Clinician, AssessedOn, Centre, Mode, Interpreter) = (saved.ClinicianName, FormDates.Value(saved.AssessedOn), saved.CentreSlug, saved.Mode.ToString(), FormChoices.Show(saved.InterpreterUsed));
            Psychological = [.. new[] { saved.Ptsd ? Ptsd : null, saved.Depression ? Depression : null, saved.SuicidalThoughts ? SuicidalThoughts : null }.OfType<string>()];
            (OtherFindings, Torture, Harm, Opinion) = (saved.OtherPsychologicalFindings, FormChoices.Show(saved.SupportsTortureAccount), FormChoices.Show(saved.HarmFromDetentionLikely), saved.Opinion);
            AdultsAtRiskLevel = saved.AdultsAtRiskLevel?.ToString(CultureInfo.InvariantCulture) ?? NotStated;
        }
        await LoadCentresAsync(places, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
        }
        await LoadCentresAsync(places, cancellationToken);
        RequireCentre(Centre, "Choose where the person was held when assessed");
        if (Typed() is not { } assessment)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveAssessmentAsync(Opened, Assessment, assessment, cancellationToken), id => $"assessment-{id}", cancellationToken);
    }

    /// <summary>The assessment as typed, once every field has passed its rules (the Centre as well); null until then.</summary>
    private AssessmentInput? Typed() =>
        ModelState.IsValid && FormText.Read(Clinician) is { } clinician && FormDates.Parse(AssessedOn) is { } assessedOn && Centre is { } centre
        && FormChoices.Read<AssessmentMode>(Mode) is { } mode && FormChoices.Answer(Interpreter) is { } interpreter
        && FormChoices.Answer(Torture) is { } torture && FormChoices.Answer(Harm) is { } harm
            ? new AssessmentInput(clinician, assessedOn, centre, interpreter, mode,
                Psychological.Contains(Ptsd), Psychological.Contains(Depression), Psychological.Contains(SuicidalThoughts), FormText.Read(OtherFindings),
                torture, harm, FormText.Read(Opinion), Level)
            : null;

    /// <summary>The Adults at Risk level chosen; none for Not stated.</summary>
    private int? Level => int.TryParse(AdultsAtRiskLevel, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
}
