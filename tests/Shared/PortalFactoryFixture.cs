namespace EasternSelect.Tests.Shared;

/// <summary>One demo-mode portal (its own SQLite file) shared by the tests of a class.</summary>
public sealed class PortalFactoryFixture : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
