import Foundation
import Synchronization
import Testing
@testable import RoutineCardServer

/// The render gate under load: more tasks than cores, never more running than its places, refusals
/// only when the queue is full, and every place given back.
struct RenderGateTests {
    @Test func underLoadItNeverRunsMoreThanItsPlacesAndGivesEveryPlaceBack() async throws {
        let gate = RenderGate(running: 3, waiting: 20)
        let counts = Counts()
        let results = await withTaskGroup(of: Int?.self) { group in
            for number in 0..<400 {
                group.addTask {
                    await gate.run {
                        let now = counts.inside.add(1, ordering: .sequentiallyConsistent).newValue
                        _ = counts.most.max(now, ordering: .sequentiallyConsistent)
                        // Work that blocks its thread, as a render does.
                        usleep(UInt32(100 + number % 7 * 50))
                        counts.inside.subtract(1, ordering: .sequentiallyConsistent)
                        return number
                    }
                }
            }
            return await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(counts.most.load(ordering: .sequentiallyConsistent) <= 3)
        #expect(results.compactMap { $0 }.count >= 23, "at least the places and the queue ran")
        #expect(gate.load == (0, 0))
    }

    @Test func aFullQueueRefusesAtOnceAndAFreedPlaceGoesToTheFirstWaiting() async throws {
        let gate = RenderGate(running: 1, waiting: 2)
        let first = try #require(gate.admit())
        let second = try #require(gate.admit())
        let third = try #require(gate.admit())
        #expect(gate.admit() == nil, "one running and two queued: the fourth is refused")
        #expect(gate.load == (1, 2))
        let order = Order()
        let release = AsyncStream<Void>.makeStream()
        let holder = Task { await gate.run(first) { for await _ in release.stream { break } } }
        let waiting = [(second, 2), (third, 3)].map { pass, number in
            Task { await gate.run(pass) { order.numbers.withLock { $0.append(number) } } }
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(order.numbers.withLock { $0 }.isEmpty, "nothing queued runs while the place is held")
        release.continuation.yield()
        await holder.value
        for task in waiting { await task.value }
        #expect(order.numbers.withLock { $0 }.sorted() == [2, 3])
        #expect(gate.load == (0, 0))
    }
}

private final class Counts: Sendable {
    let inside = Atomic<Int>(0)
    let most = Atomic<Int>(0)
}

private final class Order: Sendable {
    let numbers = Mutex<[Int]>([])
}
