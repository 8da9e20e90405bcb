using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasOne(f => f.Firm).WithMany().HasForeignKey(f => f.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.ReportingPeriod).WithMany().HasForeignKey(f => f.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Period).HasMaxLength(20).IsRequired();
        b.HasIndex(f => new { f.FirmId, f.PeriodId });
        // At most one live filing per firm and period: a draft, one awaiting review, or the accepted one. A returned
        // filing gives way to its resubmission. Two users preparing at once collide here instead of making two drafts.
        b.HasIndex(f => new { f.FirmId, f.PeriodId }).IsUnique().HasFilter("\"Status\" <> 'Returned'")
            .HasDatabaseName("IX_Filings_FirmId_PeriodId_Live");
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(f => new { f.Status, f.SubmittedAt });
        b.HasOne<Filing>().WithMany().HasForeignKey(f => f.BaselineFilingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Filing>().WithMany().HasForeignKey(f => f.ResubmissionOfId).OnDelete(DeleteBehavior.Restrict);
        // A returned filing is resubmitted once; the next return starts from the resubmission.
        b.HasIndex(f => f.ResubmissionOfId).IsUnique();
        b.Property(f => f.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(f => f.PreparedById).HasMaxLength(450).IsRequired();
        b.Property(f => f.PreparedByName).HasMaxLength(256).IsRequired();
        b.Property(f => f.PreparedDigest).HasMaxLength(64).IsRequired();
        b.Property(f => f.Number).HasMaxLength(30);
        b.HasIndex(f => f.Number).IsUnique();
        b.Property(f => f.VerificationCode).HasMaxLength(20);
        b.Property(f => f.Digest).HasMaxLength(64);
        b.Property(f => f.SubmittedById).HasMaxLength(450);
        b.Property(f => f.SubmittedByName).HasMaxLength(256);
        b.Property(f => f.Attestation).HasMaxLength(1000);
        b.Property(f => f.ReviewedById).HasMaxLength(450);
        b.Property(f => f.ReviewedByName).HasMaxLength(256);
        b.Property(f => f.ReviewComment).HasMaxLength(Filing.MaxCommentLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.AcceptsEntries);
        b.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FilingId).OnDelete(DeleteBehavior.Restrict);
    }
}
