namespace EasternSelect.Domain.Common;

/// <summary>An entity with a database-generated integer key.</summary>
public abstract class Entity
{
    public int Id { get; set; }
}

/// <summary>
/// An editable aggregate. <see cref="Version"/> is the optimistic-concurrency token: it changes on
/// every save, so a person saving a stale copy is told about the conflict instead of overwriting.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
