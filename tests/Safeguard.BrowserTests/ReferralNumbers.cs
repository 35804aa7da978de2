using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Platform.Encryption;

namespace Safeguard.BrowserTests;

/// <summary>
/// The number of the referral made for a person, found by their (decrypted) name: the journeys run side by side on
/// one server, each making referrals of its own, so "the newest" may be another journey's.
/// </summary>
internal static class ReferralNumbers
{
    public static async Task<int> ForAsync(PortalServer server, string person)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldEncryption>();
        var referrals = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.AsNoTracking()
            .Select(r => new { r.Id, r.PersonNameCipher }).ToListAsync(TestContext.Current.CancellationToken);
        return referrals.Single(r => cipher.Decrypt(r.PersonNameCipher, CaseFields.ReferralPersonName) == person).Id;
    }
}
