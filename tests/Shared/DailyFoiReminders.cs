using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.Foi.Reminders;

namespace Safeguard.Tests;

/// <summary>
/// The applications under test, the HTTP tests' and the browser tests' alike, run without the daily FOI reminder run
/// (<see cref="FoiReminderService"/>): the tests queue reminders when they want them (<see cref="FoiReminders"/>), so
/// the background run must not queue them first, or meanwhile, nor send e-mails that no test awaits.
/// </summary>
internal static class DailyFoiReminders
{
    /// <summary>Removes the daily run from the application's services.</summary>
    public static IServiceCollection WithoutDailyFoiReminders(this IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FoiReminderService)));
        return services;
    }
}
