using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Data;

/// <summary>
/// The themes, measures and places every installation starts with. Applied after migrations and idempotent:
/// rows are matched by slug, so an administrator's later additions are left alone.
/// </summary>
internal static class StatisticsCatalogue
{
    private const string DetentionCentreRules = "Detention Centre Rules 2001";

    // Methods, not fields: each call makes fresh entities for a context to track.
    private static IReadOnlyList<Theme> Themes() =>
    [
        new() { Slug = "rule-35", Title = "Rule 35 reports", DisplayOrder = 1, LegalSource = $"{DetentionCentreRules}, rule 35",
            Summary = "Reports by a centre doctor to the Home Office when detention is likely to injure a person's health, when a person may have suicidal intentions, or when a person may have been a victim of torture." },
        new() { Slug = "self-harm-and-acdt", Title = "Self-harm and ACDT", DisplayOrder = 2, LegalSource = "Detention Services Order: Assessment Care in Detention and Teamwork (ACDT)",
            Summary = "Self-harm in detention, and ACDT documents opened for people identified as at risk of suicide or self-harm, including those needing constant supervision." },
        new() { Slug = "segregation", Title = "Segregation", DisplayOrder = 3, LegalSource = $"{DetentionCentreRules}, rules 40 and 42",
            Summary = "People removed from association under rule 40 and placed in temporary confinement under rule 42." },
        new() { Slug = "use-of-force", Title = "Use of force", DisplayOrder = 4, LegalSource = "Detention Services Order: Use of force",
            Summary = "Incidents in which staff used force on people in detention, per centre." },
        new() { Slug = "detention", Title = "People in detention", DisplayOrder = 5, LegalSource = "Immigration Act 1971, Schedule 2; Immigration Act 2016, section 59",
            Summary = "How many people the Home Office holds in immigration detention: the population against which the safeguards are measured." },
    ];

    /// <summary>Measures by theme slug.</summary>
    private static IReadOnlyList<(string Theme, Measure Measure)> Measures() =>
    [
        ("rule-35", new() { Slug = MeasureSlugs.Rule35Part1, Name = "Rule 35(1) reports completed", ShortName = "Rule 35(1)", Unit = "reports", DisplayOrder = 1,
            LegalSource = $"{DetentionCentreRules}, rule 35(1)",
            Definition = "Reports by a centre doctor that a person's health is likely to be injuriously affected by continued detention or any conditions of detention." }),
        ("rule-35", new() { Slug = MeasureSlugs.Rule35Part2, Name = "Rule 35(2) reports completed", ShortName = "Rule 35(2)", Unit = "reports", DisplayOrder = 2,
            LegalSource = $"{DetentionCentreRules}, rule 35(2)",
            Definition = "Reports by a centre doctor that a person is suspected of having suicidal intentions." }),
        ("rule-35", new() { Slug = MeasureSlugs.Rule35Part3, Name = "Rule 35(3) reports completed", ShortName = "Rule 35(3)", Unit = "reports", DisplayOrder = 3,
            LegalSource = $"{DetentionCentreRules}, rule 35(3)",
            Definition = "Reports by a centre doctor of concern that a person may have been a victim of torture." }),
        ("self-harm-and-acdt", new() { Slug = MeasureSlugs.AcdtOpened, Name = "ACDT documents opened", ShortName = "ACDTs opened", Unit = "documents", DisplayOrder = 1,
            LegalSource = "Detention Services Order: ACDT",
            Definition = "Assessment Care in Detention and Teamwork documents opened for people identified as at risk of suicide or self-harm." }),
        ("self-harm-and-acdt", new() { Slug = MeasureSlugs.AcdtConstantSupervision, Name = "ACDT documents opened at constant supervision", ShortName = "Constant supervision ACDTs", Unit = "documents", DisplayOrder = 2,
            LegalSource = "Detention Services Order: ACDT",
            Definition = "ACDT documents opened at the level of constant supervision, for people judged at the highest risk." }),
        ("self-harm-and-acdt", new() { Slug = "self-harm-incidents", Name = "Self-harm incidents", ShortName = "Self-harm incidents", Unit = "incidents", DisplayOrder = 3,
            LegalSource = "Detention Services Order: ACDT",
            Definition = "Incidents of self-harm recorded in detention." }),
        ("segregation", new() { Slug = MeasureSlugs.Rule40People, Name = "People removed from association (rule 40)", ShortName = "Rule 40", Unit = "people", DisplayOrder = 1,
            LegalSource = $"{DetentionCentreRules}, rule 40",
            Definition = "People removed from association with others, for the maintenance of security and safety or to protect their own interests." }),
        ("segregation", new() { Slug = MeasureSlugs.Rule42People, Name = "People placed in temporary confinement (rule 42)", ShortName = "Rule 42", Unit = "people", DisplayOrder = 2,
            LegalSource = $"{DetentionCentreRules}, rule 42",
            Definition = "People placed in temporary confinement in special accommodation because they were refractory or violent." }),
        ("use-of-force", new() { Slug = MeasureSlugs.UseOfForceIncidents, Name = "Use of force incidents", ShortName = "Use of force", Unit = "incidents", DisplayOrder = 1,
            LegalSource = "Detention Services Order: Use of force",
            Definition = "Incidents in which staff used force on a person in detention." }),
        ("detention", new() { Slug = MeasureSlugs.PeopleEnteringDetention, Name = "People entering detention", ShortName = "Entering detention", Unit = "people", DisplayOrder = 2,
            LegalSource = "Home Office immigration system statistics, detention table Det_D01",
            Definition = "People entering immigration detention in the period, by the first place they were held." }),
        ("detention", new() { Slug = MeasureSlugs.PeopleInDetention, Name = "People in detention at the end of the period", ShortName = "In detention", Unit = "people", DisplayOrder = 3,
            LegalSource = "Home Office immigration system statistics, detention table Det_D02",
            Definition = "People held in immigration detention on the last day of the period, by the place holding them then." }),
        ("detention", new() { Slug = MeasureSlugs.PeopleLeavingDetention, Name = "People leaving detention", ShortName = "Leaving detention", Unit = "people", DisplayOrder = 4,
            LegalSource = "Home Office immigration system statistics, detention table Det_D03",
            Definition = "People leaving immigration detention in the period, by the reason they left." }),
        ("detention", new() { Slug = "children-entering-detention", Name = "Children entering detention", ShortName = "Children entering", Unit = "people", DisplayOrder = 5,
            LegalSource = "Home Office immigration system statistics, detention tables",
            Definition = "Children (under 18) entering immigration detention in the period, by age." }),
        ("detention", new() { Slug = "pregnant-women-detained", Name = "Pregnant women detained", ShortName = "Pregnant women", Unit = "people", DisplayOrder = 6,
            LegalSource = "Immigration Act 2016, section 60",
            Definition = "Pregnant women held in the immigration detention estate in the period." }),
        ("detention", new() { Slug = "deaths-in-detention", Name = "Deaths of people detained under immigration powers", ShortName = "Deaths", Unit = "people", DisplayOrder = 7,
            LegalSource = "Home Office immigration system statistics, detention table Det_05a",
            Definition = "Deaths of people detained under immigration powers, wherever the death occurred." }),
        ("detention", new() { Slug = "deaths-in-detention-estate", Name = "Deaths in the immigration detention estate", ShortName = "Deaths in the estate", Unit = "people", DisplayOrder = 8,
            LegalSource = "Home Office immigration system statistics, detention table Det_05a",
            Definition = "Of the deaths of people detained under immigration powers, those that occurred in the detention estate." }),
        ("detention", new() { Slug = "escapes-from-detention", Name = "Escapes from detention centres", ShortName = "Escapes", Unit = "incidents", DisplayOrder = 9,
            LegalSource = "Home Office immigration system statistics, detention table Det_05a",
            Definition = "Escapes from immigration removal centres." }),
        ("detention", new() { Slug = "absconds-from-escort", Name = "Absconds from escort", ShortName = "Absconds", Unit = "incidents", DisplayOrder = 10,
            LegalSource = "Home Office immigration system statistics, detention table Det_05a",
            Definition = "People absconding while under escort." }),
        ("detention", new() { Slug = "detention-cost-per-day", Name = "Average cost of detention per person per day", ShortName = "Cost per day", Unit = "pounds", DisplayOrder = 11,
            LegalSource = "Home Office immigration system statistics, detention tables",
            Definition = "The Home Office's average cost of holding one person in immigration detention for one day, in pounds." }),
        ("detention", new() { Slug = MeasureSlugs.PeopleDetained, Name = "People held in detention during the period", ShortName = "People detained", Unit = "people", DisplayOrder = 1,
            LegalSource = "Immigration Act 1971, Schedule 2",
            Definition = "Men, women and children held in immigration detention at any time in the period." }),
    ];

    private static IReadOnlyList<Place> Places() =>
    [
        new() { Slug = "brook-house", Name = "Brook House IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 1 },
        new() { Slug = "colnbrook", Name = "Colnbrook IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 2 },
        new() { Slug = "derwentside", Name = "Derwentside IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 3 },
        new() { Slug = "dungavel", Name = "Dungavel IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 4 },
        new() { Slug = "harmondsworth", Name = "Harmondsworth IRC", Kind = PlaceKind.RemovalCentre, Operator = "Mitie", DisplayOrder = 5 },
        new() { Slug = "tinsley-house", Name = "Tinsley House IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 6 },
        new() { Slug = "yarls-wood", Name = "Yarl's Wood IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 7 },
        new() { Slug = "campsfield-house", Name = "Campsfield House IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 20 },
        new() { Slug = "dover", Name = "Dover IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 21 },
        new() { Slug = "haslar", Name = "Haslar IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 22 },
        new() { Slug = "lindholme", Name = "Lindholme IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 23 },
        new() { Slug = "morton-hall", Name = "Morton Hall IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 24 },
        new() { Slug = "oakington", Name = "Oakington IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 25 },
        new() { Slug = "the-verne", Name = "The Verne IRC", Kind = PlaceKind.RemovalCentre, DisplayOrder = 26 },
        new() { Slug = "cedars", Name = "Cedars PDA", Kind = PlaceKind.PreDepartureAccommodation, DisplayOrder = 40 },
        new() { Slug = "gatwick-pda", Name = "Gatwick PDA", Kind = PlaceKind.PreDepartureAccommodation, DisplayOrder = 41 },
        new() { Slug = "colnbrook-sthf", Name = "Colnbrook STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 50 },
        new() { Slug = "dover-harbour-sthf", Name = "Dover Harbour STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 51 },
        new() { Slug = "harwich-sthf", Name = "Harwich STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 52 },
        new() { Slug = "larne-house-sthf", Name = "Larne House STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 53 },
        new() { Slug = "manchester-sthf", Name = "Manchester STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 54 },
        new() { Slug = "pennine-house-sthf", Name = "Pennine House STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 55 },
        new() { Slug = "swinderby-sthf", Name = "Swinderby STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 56 },
        new() { Slug = "yarls-wood-sthf", Name = "Yarl's Wood STHF", Kind = PlaceKind.ShortTermHoldingFacility, DisplayOrder = 57 },
        new() { Slug = "prison-estate", Name = "HM Prisons", Kind = PlaceKind.PrisonEstate, DisplayOrder = 60 },
        new() { Slug = "all-ircs", Name = "All IRCs", Kind = PlaceKind.Category, DisplayOrder = 100 },
        new() { Slug = "all-detention", Name = "All places of immigration detention", Kind = PlaceKind.Category, DisplayOrder = 101 },
    ];

    /// <summary>Adds whatever part of the catalogue is missing.</summary>
    public static async Task EnsureAsync(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var theme in Themes().Where(t => !themes.ContainsKey(t.Slug)))
        {
            db.Themes.Add(theme);
            themes[theme.Slug] = theme;
        }
        var measures = await db.Measures.Select(m => m.Slug).ToHashSetAsync(cancellationToken);
        foreach (var (theme, measure) in Measures().Where(m => !measures.Contains(m.Measure.Slug)))
        {
            measure.Theme = themes[theme];
            db.Measures.Add(measure);
        }
        var places = await db.Places.Select(p => p.Slug).ToHashSetAsync(cancellationToken);
        db.Places.AddRange(Places().Where(p => !places.Contains(p.Slug)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
