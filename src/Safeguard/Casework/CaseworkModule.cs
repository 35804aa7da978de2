using Safeguard.Casework.Access;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Cohorts;
using Safeguard.Casework.Dashboard;
using Safeguard.Casework.Data;
using Safeguard.Casework.Demonstration;
using Safeguard.Casework.Documents;
using Safeguard.Casework.EvidencePacks;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Referrals;
using Safeguard.Casework.Search;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Casework;

/// <summary>
/// The casework module's face: referrals, clients and their cases (detention, clinical assessments, documents, Home
/// Office events, outcome), the clocks computed from them, and cohort figures with small numbers suppressed.
/// </summary>
public static class CaseworkModule
{
    /// <summary>The module's name: its migrations history is <c>__casework_migrations</c>.</summary>
    public const string Name = "casework";

    /// <summary>The rate-limiting policy of the public referral form.</summary>
    public const string ReferralRateLimit = "referral";

    /// <summary>Registers the module's database, services and pages' access rules.</summary>
    public static IHostApplicationBuilder AddCasework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<CaseworkDbContext, SqliteCaseworkDbContext, PostgresCaseworkDbContext>(Name);
        var settings = CaseworkSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        // Key rotation (keys rotate) finds and re-encrypts every encrypted casework column through this list.
        builder.Services.AddEncryptedColumns<CaseworkDbContext>(columns => columns
            .Text<Referral>(r => r.ReferrerNameCipher, CaseFields.ReferrerName)
            .Text<Referral>(r => r.ReferrerOrganisationCipher, CaseFields.ReferrerOrganisation)
            .Text<Referral>(r => r.ReferrerContactCipher, CaseFields.ReferrerContact)
            .Text<Referral>(r => r.PersonNameCipher, CaseFields.ReferralPersonName)
            .Text<Referral>(r => r.PersonDateOfBirthCipher, CaseFields.ReferralPersonDateOfBirth)
            .Text<Referral>(r => r.PersonNationalityCipher, CaseFields.ReferralPersonNationality)
            .Text<Referral>(r => r.PersonLanguagesCipher, CaseFields.ReferralPersonLanguages)
            .Text<Referral>(r => r.HomeOfficeReferenceCipher, CaseFields.ReferralHomeOfficeReference)
            .Text<Referral>(r => r.ConcernCipher, CaseFields.ReferralConcern)
            .Text<Client>(c => c.NameCipher, CaseFields.ClientName)
            .Text<Client>(c => c.DateOfBirthCipher, CaseFields.ClientDateOfBirth)
            .Text<Client>(c => c.NationalityCipher, CaseFields.ClientNationality)
            .Text<Client>(c => c.LanguagesCipher, CaseFields.ClientLanguages)
            .Text<Client>(c => c.HomeOfficeReferenceCipher, CaseFields.ClientHomeOfficeReference)
            .Text<Client>(c => c.ContactCipher, CaseFields.ClientContact)
            .Text<ClinicalAssessment>(a => a.OtherPsychologicalFindingsCipher, CaseFields.OtherPsychologicalFindings)
            .Text<ClinicalAssessment>(a => a.OpinionCipher, CaseFields.Opinion)
            .Text<PhysicalFinding>(f => f.LocationCipher, CaseFields.FindingLocation)
            .Text<PhysicalFinding>(f => f.DescriptionCipher, CaseFields.FindingDescription)
            .Text<HomeOfficeEvent>(e => e.NoteCipher, CaseFields.HomeOfficeNote)
            .Text<CaseDocumentVersion>(v => v.FileNameCipher, CaseFields.DocumentFileName)
            .Bytes<CaseDocumentVersion>(v => v.ContentCipher, CaseFields.DocumentContent)
            .Text<CaseSearchKey>(k => k.KeyCipher, CaseFields.SearchIndexKey));
        builder.Services.AddScoped<CaseworkAudit>();
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<CaseSearchIndex>();
        builder.Services.AddScoped<CaseBook>();
        builder.Services.AddScoped<CaseReading>();
        builder.Services.AddSingleton<ChromiumPrinter>();
        builder.Services.AddScoped<ReferralDesk>();
        builder.Services.AddScoped<CaseworkDashboard>();
        builder.Services.AddScoped<CohortMemory>();
        builder.Services.AddScoped<CohortQuery>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(ReferralRateLimit,
            context => FormRateLimits.SubmissionsPerAddress(context, ReferralRateLimit, settings.ReferralsPerHour, TimeSpan.FromHours(1))));
        builder.Services.AddSingleton<IModuleDatabase, CaseworkDatabase>();
        return builder;
    }

    /// <summary>
    /// Maps the cohort figures' CSV download (its pages are Razor pages, each naming its policy beside it) and the size
    /// limit of the document upload form.
    /// </summary>
    public static WebApplication MapCasework(this WebApplication app)
    {
        app.UseUploadSizeLimit(CaseworkPaths.DocumentUpload, app.Services.GetRequiredService<CaseworkSettings>().MaxDocumentBytes);
        app.MapCohortsCsv();
        return app;
    }

    private sealed class CaseworkDatabase : IModuleDatabase
    {
        public string Name => CaseworkModule.Name;

        /// <summary>Migrates, then indexes for search any case the index lacks (those opened before it existed).</summary>
        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await services.GetRequiredService<CaseworkDbContext>().Database.MigrateModuleAsync(cancellationToken);
            await services.GetRequiredService<CaseSearchIndex>().BackfillAsync(cancellationToken);
        }

        public async Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await DemonstrationCases.LoadAsync(services, cancellationToken);
            await services.GetRequiredService<CaseSearchIndex>().BackfillAsync(cancellationToken);
        }
    }
}
