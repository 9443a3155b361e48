package dev.lstudio.client

import dev.lstudio.api.CodeStatus
import dev.lstudio.api.InstancePhase
import dev.lstudio.api.InstanceStatus
import dev.lstudio.api.StartupStatus
import spock.lang.Specification
import spock.lang.Unroll

/** Wire phases become the small status people read. */
class StatusSpec extends Specification {

    @Unroll
    def "phase #phase is #status"() {
        expect:
        Status.of(phase) == status

        where:
        phase                        || status
        null                         || Status.STOPPED
        InstancePhase.UNSPECIFIED    || Status.PENDING
        InstancePhase.PENDING        || Status.PENDING
        InstancePhase.IMAGE_BUILDING || Status.PENDING
        InstancePhase.RUNNING        || Status.RUNNING
        InstancePhase.STOPPING       || Status.STOPPING
        InstancePhase.STOPPED        || Status.STOPPED
        InstancePhase.DELETED        || Status.STOPPED
        InstancePhase.FAILED         || Status.FAILED
        InstancePhase.UNKNOWN        || Status.UNKNOWN
    }

    def "no instance in use is stopped, and ready needs the top-up restore"() {
        expect:
        StudioStatus.of(new CodeStatus(null, null)) == new StudioStatus(Status.STOPPED, null, false, false)
        !StudioStatus.of(new CodeStatus(instance(false), null)).ready()
        StudioStatus.of(new CodeStatus(instance(true), null)).ready()
    }

    static InstanceStatus instance(boolean topUp) {
        new InstanceStatus(InstancePhase.RUNNING, 'i', new StartupStatus(true, topUp), null, null, null, null, null, null, null, null)
    }

    def "the live status fields are read: percentage, message, price per hour, instance type and start time"() {
        given:
        def code = dev.lstudio.api.LightningApiTestAccess.read(LiveWireSpecResources.text('codestatus.json'))

        when:
        def status = StudioStatus.of(code)

        then:
        status.status() == Status.PENDING
        status.startupPercentage() == '40'
        status.statusMessage() == 'Pulling the container image'
        status.pricePerHour() == 31.464d
        status.instanceType() == 'p5.48xlarge'
        status.since() == java.time.Instant.parse('2026-12-01T21:38:11.402Z')
        status.describe() == 'PENDING on p5.48xlarge 40% (Pulling the container image)'
    }

    def "without a price the price per hour is null"() {
        expect:
        StudioStatus.of(new CodeStatus(instance(true), null)).pricePerHour() == null
    }
}
