using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class TravelRequestConfiguration : IEntityTypeConfiguration<TravelRequest>
{
    public void Configure(EntityTypeBuilder<TravelRequest> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne(t => t.Specialist).WithMany().HasForeignKey(t => t.SpecialistId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firm>().WithMany().HasForeignKey(t => t.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.DestinationCountry).HasMaxLength(60).IsRequired();
        b.Property(t => t.DestinationCity).HasMaxLength(100).IsRequired();
        b.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.PurposeDetail).HasMaxLength(200);
        b.Property(t => t.InvitingOrganisation).HasMaxLength(200);
        b.Property(t => t.Itinerary).HasMaxLength(2000).IsRequired();
        b.Property(t => t.ContactsAbroad).HasMaxLength(1000);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.RequestedById).HasMaxLength(450).IsRequired();
        b.Property(t => t.RequestedByName).HasMaxLength(100).IsRequired();
        b.Property(t => t.DecidedById).HasMaxLength(450);
        b.Property(t => t.DecidedByName).HasMaxLength(100);
        b.Property(t => t.ApprovalNumber).HasMaxLength(20);
        b.Property(t => t.Conditions).HasMaxLength(1000);
        b.Property(t => t.DenialReason).HasMaxLength(1000);
        b.Property(t => t.WithdrawalReason).HasMaxLength(1000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TravelRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Passport>().WithMany().HasForeignKey(t => t.PassportId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CustodyEvent>().WithMany().HasForeignKey(t => t.ReleaseEventId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CustodyEvent>().WithMany().HasForeignKey(t => t.ReturnEventId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(t => t.Destination);
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.Days);
        b.Ignore(t => t.Details);

        // The guarantees two app servers sharing one database cannot break: an approval number is handed out
        // once, and an approval is used by one release. NULLs are distinct in both engines' unique indexes.
        b.HasIndex(t => t.ApprovalNumber).IsUnique();
        b.HasIndex(t => t.ReleaseEventId).IsUnique();
        // The regulator's queue (status, oldest first) and the custody office's to-release list (status, departure).
        b.HasIndex(t => new { t.Status, t.RequestedAt });
        b.HasIndex(t => new { t.Status, t.ApprovedDepartureOn });
        b.HasIndex(t => new { t.SpecialistId, t.Status });
    }
}

internal sealed class TravelMessageConfiguration : IEntityTypeConfiguration<TravelMessage>
{
    public void Configure(EntityTypeBuilder<TravelMessage> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Text).HasMaxLength(2000).IsRequired();
        b.Property(m => m.AuthorId).HasMaxLength(450).IsRequired();
        b.Property(m => m.AuthorName).HasMaxLength(100).IsRequired();
        b.HasIndex(m => new { m.TravelRequestId, m.At });
    }
}
