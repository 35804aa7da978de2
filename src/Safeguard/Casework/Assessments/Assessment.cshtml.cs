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

    /// <summary>The assessment being changed; none to add one.</summary>
    [FromRoute]
    public int? Assessment { get; set; }

    [BindProperty]
    public string? Clinician { get; set; }

    [BindProperty]
    public string? AssessedOn { get; set; }

    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    [BindProperty]
    public string? Interpreter { get; set; }

    [BindProperty]
    public List<string> Psychological { get; set; } = [];

    [BindProperty]
    public string? OtherFindings { get; set; }

    [BindProperty]
    public string? Torture { get; set; }

    [BindProperty]
    public string? Harm { get; set; }

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public string? AdultsAtRiskLevel { get; set; }

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) =>
        Assessment is { } id && !await book.HoldsAssessmentAsync(Opened, id, cancellationToken) ? RecordOnCase.Assessment : null;

    public static IReadOnlyList<Choice> PsychologicalOptions { get; } =
        [new(Ptsd, "Post-traumatic stress disorder (PTSD)"), new(Depression, "Depression"), new(SuicidalThoughts, "Suicidal thoughts")];

    public static IReadOnlyList<Choice> LevelOptions { get; } =
        [new("1", "Level 1", "A self-declaration of being at risk"), new("2", "Level 2", "Professional or official evidence that the person is at risk"),
         new("3", "Level 3", "Professional evidence that detention is likely to cause harm"), new("none", "Not stated")];

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
            (Clinician, AssessedOn, Centre, Mode, Interpreter) = (saved.ClinicianName, FormDates.Value(saved.AssessedOn), saved.CentreSlug, saved.Mode.ToString(), FormInput.Show(saved.InterpreterUsed));
            Psychological = [.. new[] { saved.Ptsd ? Ptsd : null, saved.Depression ? Depression : null, saved.SuicidalThoughts ? SuicidalThoughts : null }.OfType<string>()];
            (OtherFindings, Torture, Harm, Opinion) = (saved.OtherPsychologicalFindings, FormInput.Show(saved.SupportsTortureAccount), FormInput.Show(saved.HarmFromDetentionLikely), saved.Opinion);
            AdultsAtRiskLevel = saved.AdultsAtRiskLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
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
        var clinician = ModelState.Text(nameof(Clinician), Clinician, "Enter the clinician's name", 200, "The clinician's name");
        var assessedOn = ModelState.Date(nameof(AssessedOn), AssessedOn, "Enter the day of the assessment", "the day of the assessment", Today);
        RequireCentre(Centre, "Choose where the person was held when assessed");
        var mode = ModelState.Choice<AssessmentMode>(nameof(Mode), Mode, "Choose whether the assessment was in person or remote");
        var interpreter = ModelState.Answer(nameof(Interpreter), Interpreter, "Say whether an interpreter was used");
        if (Psychological.Any(p => PsychologicalOptions.All(o => o.Value != p)))
        {
            ModelState.AddModelError(nameof(Psychological), "Choose psychological findings from the list");
        }
        var other = ModelState.Text(nameof(OtherFindings), OtherFindings, null, 10_000, "Other psychological findings");
        var torture = ModelState.Answer(nameof(Torture), Torture, "Say whether the findings support the account of torture");
        var harm = ModelState.Answer(nameof(Harm), Harm, "Say whether continued detention is likely to harm the person");
        var opinion = ModelState.Text(nameof(Opinion), Opinion, null, 10_000, "The opinion");
        int? level = AdultsAtRiskLevel switch
        {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "none" => null,
            _ => Invalid(),
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveAssessmentAsync(Opened, Assessment, new AssessmentInput(
            clinician!, assessedOn!.Value, Centre!, interpreter!.Value, mode!.Value,
            Psychological.Contains(Ptsd), Psychological.Contains(Depression), Psychological.Contains(SuicidalThoughts), other,
            torture!.Value, harm!.Value, opinion, level), cancellationToken), id => $"assessment-{id}", cancellationToken);
    }

    private int? Invalid()
    {
        ModelState.AddModelError(nameof(AdultsAtRiskLevel), "Choose the Adults at Risk evidence level, or Not stated");
        return null;
    }
}
