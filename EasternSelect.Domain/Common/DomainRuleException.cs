namespace EasternSelect.Domain.Common;

/// <summary>
/// A domain rule refused an action (an illegal transition, a self-approval, a value out of range).
/// <see cref="Key"/> is a resource key the portal translates; services turn it into a failed <c>Result</c>.
/// </summary>
public sealed class DomainRuleException(string key) : InvalidOperationException(key)
{
    public string Key { get; } = key;
}
