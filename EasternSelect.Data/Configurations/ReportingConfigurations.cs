using EasternSelect.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class EsgSnapshotConfiguration : IEntityTypeConfiguration<EsgSnapshot>
{
    public void Configure(EntityTypeBuilder<EsgSnapshot> builder)
    {
        builder.Property(s => s.FrozenById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.FrozenByName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Culture).HasMaxLength(16).IsRequired();
        builder.Property(s => s.DocumentJson).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(EsgSnapshot.MaxNoteLength);

        // One published snapshot per year: freezing twice is refused by the database as well.
        builder.HasIndex(s => s.Year).IsUnique();
    }
}
