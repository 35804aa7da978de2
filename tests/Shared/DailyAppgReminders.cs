using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.Parliament.Deadlines;

namespace Safeguard.Tests;

/// <summary>
/// The applications under test run without the daily run of the APPG's deadline reminders (<see cref="AppgReminderService"/>),
/// as without FOI's: a test queues them when it wants them (<see cref="AppgReminders"/>).
/// </summary>
internal static class DailyAppgReminders
{
    /// <summary>Removes the daily run from the application's services.</summary>
    public static IServiceCollection WithoutDailyAppgReminders(this IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AppgReminderService)));
        return services;
    }
}
