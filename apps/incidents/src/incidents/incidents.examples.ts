/**
 * Request bodies as the OpenAPI document shows them: one incident at the demo county's central
 * hospital (万州区中心医院, the demo directory's fixed id), reported by its security office, police
 * dispatched and on scene, then closed. Each can be sent as it is, in this order, by the demo users
 * (wz.security for the hospital, wz.dispatcher for the police); the instants tell one story.
 */
const DEMO_CENTRAL_HOSPITAL = '5791668c-352e-51d8-9b2a-fc994c69d583';

export const INCIDENT_EXAMPLES = {
  report: {
    hospitalReport: {
      summary: 'The hospital’s security office reports (医疗机构报警), as wz.security',
      value: {
        hospital: { hospitalId: DEMO_CENTRAL_HOSPITAL },
        occurredAt: '2026-11-22T02:50:00.000Z',
        intake: {
          channel: 'hospital_report',
          location: '急诊科分诊台',
          partiesCount: 3,
          behaviour: '患者家属辱骂、推搡值班护士，拒绝离开',
          anyoneInjured: false,
          description: '患者家属因候诊时间长情绪激动，已由保卫科人员隔离',
        },
        classification: { categories: ['threat_intimidation_insult'] },
      },
    },
  },
  dispatch: { dispatched: { summary: 'Police dispatched, as wz.dispatcher', value: { dispatchedAt: '2026-11-22T02:52:00.000Z' } } },
  arrival: { arrived: { summary: 'Police on scene, as wz.dispatcher', value: { arrivedAt: '2026-11-22T02:54:00.000Z' } } },
  close: {
    resolved: {
      summary: 'Closed: handled on the scene, as wz.security',
      value: { outcome: 'resolved_on_scene', note: '经民警现场调解，家属情绪平稳后离开' },
    },
  },
} as const;
