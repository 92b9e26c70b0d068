/** Messages of the training screens; `trainingEn` must carry the same keys. */
export const trainingVi = {
  'training.title': 'Đào tạo, bồi dưỡng',
} satisfies Record<string, string>;

export const trainingEn: Record<keyof typeof trainingVi, string> = {
  'training.title': 'Training',
};
