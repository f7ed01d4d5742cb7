using EasternSelect.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.Category, t.Number }).IsUnique();
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.ChecklistTemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(20).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Method).HasMaxLength(100).IsRequired();
        builder.Property(i => i.RegulationReference).HasMaxLength(200);
        builder.HasIndex(i => new { i.ChecklistTemplateId, i.Code }).IsUnique();
    }
}

internal sealed class InspectionSpecChangeConfiguration : IEntityTypeConfiguration<InspectionSpecChange>
{
    public void Configure(EntityTypeBuilder<InspectionSpecChange> builder)
    {
        builder.Property(c => c.WhatChanged).HasMaxLength(InspectionSpecChange.WhatChangedMaxLength).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(InspectionSpecChange.ReasonMaxLength).IsRequired();
        builder.Property(c => c.ChangedById).HasMaxLength(450);
        builder.Property(c => c.ChangedByName).HasMaxLength(256);
        builder.HasOne(c => c.NewTemplate).WithMany().HasForeignKey(c => c.NewTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(c => c.PreviousTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Category, c.RecordedUtc });
    }
}
