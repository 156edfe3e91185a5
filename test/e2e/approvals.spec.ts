import { expect, keepScreenshot, test } from './fixtures';
import { addStaff, aMediation, apiOf, casePath, openAs, registerCaseDetail, staff } from './case-helpers';

test('a case worker takes a mediation to its approval step; another head approves it in the queue; the requester cannot decide their own', async ({ browser, harness }, testInfo) => {
  const call = apiOf(harness);
  const { adminToken, tokens } = await addStaff(harness, [staff.worker, staff.head, staff.coordinator]);
  const mediation = await registerCaseDetail(harness, adminToken, aMediation());

  // Elsewhere, the coordinator (a head) has submitted a plan on another mediation herself.
  const other = await registerCaseDetail(harness, adminToken, aMediation({ victims: [{ fullName: 'Putri Handayani', birthDate: '1993-05-01', sex: 'P' }] }));
  const coordinatorToken = tokens[staff.coordinator.username]!;
  let v = other.version;
  v = (await call(coordinatorToken, 'steps.complete', { caseId: other.id, caseVersion: v, step: 'asesmen', outcome: 'dapat_dimediasi', data: { analysis: 'Dapat dimediasi.' } })).version;
  v = (await call(coordinatorToken, 'steps.complete', { caseId: other.id, caseVersion: v, step: 'asesmen_lanjutan', data: { partiesAssessment: 'Kedua pihak bersedia.' } })).version;
  await call(coordinatorToken, 'steps.complete', { caseId: other.id, caseVersion: v, step: 'rencana_intervensi', data: { plan: 'Rencana koordinator sendiri.' } });

  // The case worker works the case in order, step by step.
  const worker = await openAs(browser, harness, staff.worker, casePath(mediation.id));
  await expect(worker.getByTestId('case-register-no')).toHaveText(mediation.registerNo);
  const assessment = worker.getByTestId('step-asesmen');
  await assessment.getByLabel('Hasil identifikasi dan analisis').fill('Sengketa nafkah anak; tidak ada kekerasan seksual; kedua pihak bersedia bertemu.');
  await assessment.getByRole('radio', { name: 'Kasus dapat dimediasi' }).check();
  await assessment.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(assessment.getByTestId('step-status')).toHaveText('Selesai');

  const parties = worker.getByTestId('step-asesmen_lanjutan');
  await parties.getByLabel('Hasil asesmen kedua pihak').fill('Korban dan mantan suami sama-sama ingin kesepakatan tertulis.');
  await parties.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(parties.getByTestId('step-status')).toHaveText('Selesai');

  // The plan goes to a head: it is submitted, not completed.
  const plan = worker.getByTestId('step-rencana_intervensi');
  await plan.getByRole('button', { name: 'Ajukan persetujuan' }).click();
  await expect(plan.getByText('Wajib diisi')).toBeVisible();
  await plan.getByLabel('Rencana intervensi layanan mediasi').fill('Menghubungi mediator bersertifikat; mediasi di ruang UPTD PPA.');
  await plan.getByRole('button', { name: 'Ajukan persetujuan' }).click();
  await expect(plan.getByTestId('step-status')).toHaveText('Menunggu persetujuan');
  await expect(plan).toContainText(`diajukan oleh ${staff.worker.fullName}`);
  // A case worker has no approval queue at all.
  await expect(worker.getByRole('navigation').getByRole('link', { name: 'Persetujuan' })).toHaveCount(0);

  // The coordinator: one request she can decide (the badge), and her own, which she cannot.
  const coordinator = await openAs(browser, harness, staff.coordinator);
  const queueLink = coordinator.getByRole('navigation').getByRole('link', { name: /Persetujuan/ });
  await expect(queueLink.getByTestId('approvals-count')).toHaveText('1');
  await queueLink.click();
  await expect(coordinator.getByTestId(`approval-${other.registerNo}`)).toContainText('Permintaan Anda');
  await coordinator.getByRole('button', { name: `Tinjau ${other.registerNo}` }).click();
  const ownReview = coordinator.getByTestId('approval-review');
  await expect(ownReview.getByTestId('own-request')).toContainText('tidak dapat memutuskan permintaan yang Anda ajukan sendiri');
  await expect(ownReview.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  await keepScreenshot(coordinator, testInfo, 'own-request');
  await coordinator.keyboard.press('Escape');

  // The case worker's request, exactly as submitted, with its hash; approved.
  await coordinator.getByRole('button', { name: `Tinjau ${mediation.registerNo}` }).click();
  const review = coordinator.getByTestId('approval-review');
  await expect(review).toContainText('Rencana intervensi layanan mediasi');
  await expect(review).toContainText('Menghubungi mediator bersertifikat; mediasi di ruang UPTD PPA.');
  await expect(review.getByTestId('payload-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await keepScreenshot(coordinator, testInfo, 'review');
  await review.getByRole('button', { name: 'Setujui' }).click();
  await expect(coordinator.getByTestId(`approval-${mediation.registerNo}`)).toHaveCount(0);
  await expect(queueLink.getByTestId('approvals-count')).toHaveCount(0);

  await coordinator.getByRole('tab', { name: 'Riwayat keputusan' }).click();
  await expect(coordinator.getByTestId(`approval-${mediation.registerNo}`)).toContainText('Disetujui');
  await expect(coordinator.getByTestId(`approval-${mediation.registerNo}`)).toContainText(staff.coordinator.fullName);

  // The case worker's screen follows: the step is done, with who approved it.
  await expect(plan.getByTestId('step-status')).toHaveText('Selesai');
  await expect(plan).toContainText(`disetujui oleh ${staff.coordinator.fullName}`);
  await expect(worker.getByTestId('step-koordinasi_mediator').getByTestId('step-status')).toHaveText('Dapat dikerjakan');
  await keepScreenshot(worker, testInfo, 'approved');
});

test('a head refuses a submission with a reason; the case worker reads it on the step and submits again', async ({ browser, harness }, testInfo) => {
  const call = apiOf(harness);
  const { adminToken, tokens } = await addStaff(harness, [staff.worker, staff.head]);
  const c = await registerCaseDetail(harness, adminToken, aMediation());
  const workerToken = tokens[staff.worker.username]!;
  let v = c.version;
  v = (await call(workerToken, 'steps.complete', { caseId: c.id, caseVersion: v, step: 'asesmen', outcome: 'dapat_dimediasi', data: { analysis: 'Dapat dimediasi.' } })).version;
  v = (await call(workerToken, 'steps.complete', { caseId: c.id, caseVersion: v, step: 'asesmen_lanjutan', data: { partiesAssessment: 'Kedua pihak bersedia.' } })).version;
  await call(workerToken, 'steps.complete', { caseId: c.id, caseVersion: v, step: 'rencana_intervensi', data: { plan: 'Mediasi di balai kelurahan.' } });

  const head = await openAs(browser, harness, staff.head, '/approvals');
  await head.getByRole('button', { name: `Tinjau ${c.registerNo}` }).click();
  const review = head.getByTestId('approval-review');
  await review.getByRole('button', { name: 'Tolak' }).click();
  await expect(review.getByText('Tuliskan alasan penolakan')).toBeVisible();
  await review.getByLabel('Catatan / alasan').fill('Balai kelurahan tidak menjaga kerahasiaan korban; gunakan ruang mediasi UPTD.');
  await review.getByRole('button', { name: 'Tolak' }).click();
  await expect(head.getByText('Tidak ada permintaan persetujuan yang menunggu.')).toBeVisible();

  const worker = await openAs(browser, harness, staff.worker, casePath(c.id));
  const plan = worker.getByTestId('step-rencana_intervensi');
  await expect(plan.getByTestId('rejection-comment')).toHaveText('Balai kelurahan tidak menjaga kerahasiaan korban; gunakan ruang mediasi UPTD.');
  await expect(plan).toContainText(`ditolak oleh ${staff.head.fullName}`);
  // The form keeps what was submitted, to be corrected rather than typed again.
  await expect(plan.getByLabel('Rencana intervensi layanan mediasi')).toHaveValue('Mediasi di balai kelurahan.');
  await keepScreenshot(worker, testInfo, 'rejected');
  await plan.getByLabel('Rencana intervensi layanan mediasi').fill('Mediasi di ruang mediasi UPTD PPA.');
  await plan.getByRole('button', { name: 'Ajukan persetujuan' }).click();
  await expect(plan.getByTestId('step-status')).toHaveText('Menunggu persetujuan');
});
