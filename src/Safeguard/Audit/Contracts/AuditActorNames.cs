namespace Safeguard.Audit.Contracts;

/// <summary>
/// The names of the accounts that act on the trail, so that people reading it see who rather than an id. The trail
/// itself keeps ids only (a name can change; an id cannot); the accounts module answers this.
/// </summary>
public interface IAuditActorNames
{
    /// <summary>Every account's name by its id, deactivated accounts included: the trail keeps what people did after they left.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken);
}
